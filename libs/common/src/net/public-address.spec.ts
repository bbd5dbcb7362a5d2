import { classifyAddress, classifyResolved, classifyUrl } from './public-address';

describe('classifyAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '145.100.190.243',
    '2001:4860:4860::8888',
    '2a00:1450:400e:80d::200e',
    '[2606:4700::1111]',
  ])('allows the public address %s', (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['fec0::1', 'global'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'global'],
    ['64:ff9b::7f00:1', 'global'],
    ['64:ff9b:1::a00:1', 'global'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'global'],
  ])('refuses %s (%s)', (address, reason) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed === false && verdict.reason).toContain(reason);
  });
});

describe('classifyUrl', () => {
  it.each([
    'https://lms.example.nl/hooks/bouwsteen',
    'http://hooks.school.nl:80/x?y=1',
    'https://hooks.school.nl:443/x',
    'https://8.8.8.8/hook',
    'https://[2001:4860:4860::8888]/hook',
    'https://example.nl./trailing-dot',
  ])('allows %s', (url) => {
    expect(classifyUrl(url)).toEqual({ allowed: true });
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://127.0.0.1:3000/api', 'loopback'],
    ['http://localhost:7700', 'local'],
    ['http://LOCALHOST./', 'local'],
    ['http://api.localhost/', 'local'],
    ['http://0x7f000001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0/', 'unspecified'],
    ['http://[::1]:7700/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://192.168.0.10/', 'private'],
    ['http://100.100.100.100/', 'carrierGradeNat'],
    ['http://meilisearch:7700/', 'single-label'],
    ['http://postgres/', 'single-label'],
    ['http://printer.local/', 'local'],
    ['http://metadata.google.internal/', 'internal'],
    ['http://router.home.arpa/', 'internal'],
    ['ftp://example.nl/file', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['https://user:secret@example.nl/', 'user name'],
    ['not a url', 'valid URL'],
    ['http://hooks.school.nl:8080/x?y=1', 'port 80 or 443'],
    ['https://lms.example.nl:22/', 'port 80 or 443'],
    ['http://8.8.8.8:6379/', 'port 80 or 443'],
    ['https://[2001:4860:4860::8888]:8443/hook', 'port 80 or 443'],
  ])('refuses %s (%s)', (url, reason) => {
    const verdict = classifyUrl(url);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed === false && verdict.reason).toContain(reason);
  });

  it('takes the ports a deployment allows instead of 80 and 443', () => {
    expect(classifyUrl('https://hooks.school.nl:8443/x', [443, 8443])).toEqual({ allowed: true });
    expect(classifyUrl('http://hooks.school.nl/x', [443, 8443])).toEqual({
      allowed: false,
      reason: 'must use port 443 or 8443 (it uses 80)',
    });
  });
});

describe('classifyResolved', () => {
  const strict = { allowPrivate: false, allowedPorts: [80, 443] };
  const demo = { allowPrivate: true, allowedPorts: [80, 443] };

  it('takes a public address on an allowed port only, in every mode', () => {
    expect(classifyResolved('8.8.8.8', 443, strict)).toEqual({ allowed: true });
    for (const rules of [strict, demo])
      expect(classifyResolved('8.8.8.8', 6379, rules)).toEqual({
        allowed: false,
        reason: 'must use port 80 or 443 (it uses 6379)',
      });
  });

  it('takes a private address only in private mode, and then on any port', () => {
    expect(classifyResolved('127.0.0.1', 80, strict).allowed).toBe(false);
    expect(classifyResolved('10.0.0.5', 4567, demo)).toEqual({ allowed: true });
    expect(classifyResolved('::1', 65000, demo)).toEqual({ allowed: true });
  });
});
