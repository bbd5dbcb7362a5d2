import { loggableError } from './loggable-error';

describe('loggableError', () => {
  it('keeps the kind, the SQLSTATE and where, never the message with its values', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "jan@school.nl"'), {
      name: 'QueryFailedError',
      code: '22P02',
    });
    const line = loggableError(error);
    expect(line).toMatch(/^QueryFailedError \(22P02\) at /);
    expect(line).not.toContain('jan@school.nl');
    expect(line).not.toContain('invalid input');
  });

  it('says what was thrown when it is not an Error', () => {
    expect(loggableError('geheim')).toBe('string');
  });
});
