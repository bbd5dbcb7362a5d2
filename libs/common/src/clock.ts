import { Injectable } from '@nestjs/common';

/** The time source, injectable so that rules depending on "now" can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
