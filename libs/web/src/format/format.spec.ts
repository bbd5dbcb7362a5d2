import { labelRange, mailtoHref } from './format';

describe('a range of labels', () => {
  it('says the shared words once', () => {
    expect(labelRange('mbo niveau 2', 'mbo niveau 4')).toBe('mbo niveau 2–4');
  });

  it('is one label when both ends are the same', () => {
    expect(labelRange('mbo niveau 3', 'mbo niveau 3')).toBe('mbo niveau 3');
  });

  it('keeps labels whole that differ in more than their last word', () => {
    expect(labelRange('mbo niveau 4', 'hbo associate degree')).toBe(
      'mbo niveau 4 tot hbo associate degree',
    );
    expect(labelRange('Entree', 'mbo niveau 2')).toBe('Entree tot mbo niveau 2');
  });
});

describe('a mailto link to an address someone typed', () => {
  it('cannot add a copy recipient or subject to the reply', () => {
    const href = mailtoHref('a?cc=evil%40attacker.example&subject=Spoof&x=@school.example');
    expect(href).toBe(
      'mailto:a%3Fcc%3Devil%2540attacker.example%26subject%3DSpoof%26x%3D@school.example',
    );
    expect(href).not.toMatch(/[?&=]/);
    expect(mailtoHref('jan.de.vries@school.nl')).toBe('mailto:jan.de.vries@school.nl');
  });
});
