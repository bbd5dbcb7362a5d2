export * from './pure';
export * from './mail.module';
export * from './mail-preferences.service';
export * from './mail-keys';
export * from './dto/mail-preferences.dto';
