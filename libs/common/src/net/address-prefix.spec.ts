import { LOG_PREFIX, addressPrefix } from './address-prefix';

describe('a client address cut to its network', () => {
  it('zeroes the last octet of an IPv4 address for the log', () => {
    expect(addressPrefix('203.0.113.77', LOG_PREFIX)).toBe('203.0.113.0');
    expect(addressPrefix('127.0.0.1', LOG_PREFIX)).toBe('127.0.0.0');
  });

  it('reads an IPv4 address in IPv6 form as IPv4', () => {
    expect(addressPrefix('::ffff:198.51.100.23', LOG_PREFIX)).toBe('198.51.100.0');
    expect(addressPrefix('::ffff:c633:6417', LOG_PREFIX)).toBe('198.51.100.0');
  });

  it('keeps the first 48 bits of an IPv6 address for the log, in the short form', () => {
    expect(addressPrefix('2001:db8:abcd:12:3456:789a:bcde:f012', LOG_PREFIX)).toBe(
      '2001:db8:abcd::',
    );
    expect(addressPrefix('2001:DB8:ABCD:0012::1', LOG_PREFIX)).toBe('2001:db8:abcd::');
    expect(addressPrefix('::1', LOG_PREFIX)).toBe('::');
    expect(addressPrefix('fe80::1%eth0', LOG_PREFIX)).toBe('fe80::');
  });

  it('keeps a /64 whole and nothing of the interface part', () => {
    const v64 = { v4: 32, v6: 64 };
    expect(addressPrefix('2001:db8:1:2:aaaa:bbbb:cccc:dddd', v64)).toBe('2001:db8:1:2::');
    expect(addressPrefix('2001:db8:1:2::9', v64)).toBe('2001:db8:1:2::');
    expect(addressPrefix('2001:db8:0:0:1::', v64)).toBe('2001:db8::');
    expect(addressPrefix('203.0.113.77', v64)).toBe('203.0.113.77');
  });

  it('cuts in the middle of a group or octet too', () => {
    expect(addressPrefix('10.1.2.255', { v4: 20, v6: 56 })).toBe('10.1.0.0');
    expect(addressPrefix('2001:db8:1:2ff::', { v4: 24, v6: 56 })).toBe('2001:db8:1:200::');
  });

  it('keeps nothing of what is no IP address', () => {
    expect(addressPrefix(undefined, LOG_PREFIX)).toBeUndefined();
    expect(addressPrefix('', LOG_PREFIX)).toBeUndefined();
    expect(addressPrefix('not-an-address', LOG_PREFIX)).toBeUndefined();
    expect(addressPrefix('999.1.1.1', LOG_PREFIX)).toBeUndefined();
  });
});
