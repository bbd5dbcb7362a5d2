export * from './pure';
export * from './requests.module';
export * from './requests.service';
export * from './requests.repository';
export * from './request-events';
export * from './dto/material-request.dto';
