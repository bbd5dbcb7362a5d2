import { clientAddressOf } from './client-address-of';

describe('the address a limit counts a sender by', () => {
  it("is Express's address when it is one", () => {
    expect(clientAddressOf({ ip: '192.0.2.7', socket: { remoteAddress: '127.0.0.1' } })).toBe(
      '192.0.2.7',
    );
    expect(clientAddressOf({ ip: '2001:db8::1' })).toBe('2001:db8::1');
  });

  it("is the connection's own when the forwarded entry is no address", () => {
    const socket = { remoteAddress: '127.0.0.1' };
    expect(clientAddressOf({ ip: 'not-an-ip-1', socket })).toBe('127.0.0.1');
    expect(clientAddressOf({ ip: '', socket })).toBe('127.0.0.1');
    expect(clientAddressOf({ ip: 'not-an-ip-2' })).toBe('unknown');
  });
});
