export * from './pure';
export * from './reviews.module';
export * from './reviews.service';
export * from './reviews.repository';
export * from './review-events';
export * from './dto/review.dto';
