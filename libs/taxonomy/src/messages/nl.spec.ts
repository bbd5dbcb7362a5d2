import { CONSTRAINT_CODES, FIELD_CODES } from '@bouwsteen/common/pure';
import { GENERAL_MESSAGE, NL, dutchMessage, inDutch } from './nl';
import { NL_IMPORTS } from './nl-imports';
import { NL_INPUT } from './nl-input';
import { NL_RULES } from './nl-rules';

describe('the Dutch message catalogue', () => {
  it('words every code the services, forms and import raise, and every code they reuse', () => {
    expect(
      [...FIELD_CODES, ...CONSTRAINT_CODES].filter((code) => !Object.hasOwn(NL, code)),
    ).toEqual([]);
  });

  it('has each code in one part only (a second entry would silently win)', () => {
    const parts = [NL_INPUT, NL_RULES, NL_IMPORTS].map((part) => Object.keys(part));
    const all = parts.flat();
    expect(all.filter((code, index) => all.indexOf(code) !== index)).toEqual([]);
  });

  it('says each in a Dutch sentence, also when a value is missing', () => {
    for (const [code, wording] of Object.entries(NL)) {
      const sentence = wording({});
      expect({ code, sentence }).toEqual({ code, sentence: expect.stringMatching(/^[A-Z].*\.$/) });
      expect(sentence).not.toMatch(/undefined|NaN|null|\bmust\b|\bthe\b/);
    }
  });

  it('writes numbers the Dutch way', () => {
    expect(dutchMessage('maxLength', { max: 1000 })).toBe('Gebruik hoogstens 1.000 tekens.');
    expect(dutchMessage('maxLength', { max: 60, each: true })).toBe(
      'Gebruik per waarde hoogstens 60 tekens.',
    );
    expect(dutchMessage('minLength', { min: 3 })).toBe('Gebruik minstens 3 tekens.');
    expect(dutchMessage('minLength', { min: 1 })).toBe('Vul dit veld in.');
    expect(dutchMessage('min', { min: 0.25 })).toBe('Vul een getal in van 0,25 of meer.');
    expect(dutchMessage('max', { max: 10000 })).toBe('Vul een getal in van 10.000 of minder.');
    expect(dutchMessage('arrayMaxSize', { max: 30 })).toBe('Kies of vul er hoogstens 30 in.');
    expect(dutchMessage('nonCommercialInPaidCourse', { modulePriceCents: 125000 })).toContain(
      'maar kost zelf €\u00a01.250,00: daardoor is de cursus niet kosteloos',
    );
    expect(dutchMessage('nonCommercialInPaidCourse', { coursePriceCents: 1500 })).toContain(
      'in een cursus die €\u00a015,00 kost',
    );
    expect(dutchMessage('updateAvailable', { version: 12 })).toBe(
      'Er is een nieuwere versie (12). Werk het onderdeel bij als die beter past.',
    );
  });

  it('names kinds by their Dutch names', () => {
    expect(dutchMessage('wrongKind', { expected: 'module, curriculum', kind: 'practice' })).toBe(
      'Kies een module of een curriculum; dit is een goede praktijk.',
    );
    expect(dutchMessage('notForKind', { kind: 'infrastructure' })).toContain(
      'niet bij een praktijkomgeving',
    );
    expect(dutchMessage('columnOfOtherKind', { owner: 'module', kind: 'curriculum' })).toBe(
      'Deze kolom hoort bij een module, niet bij een curriculum: laat hem leeg.',
    );
  });

  it('carries what the rule found into the sentence', () => {
    expect(dutchMessage('prerequisiteNotEarlier', { title: 'PLC basis' })).toBe(
      'Zet de voorkennis "PLC basis" eerder in de cursus.',
    );
    expect(dutchMessage('levelJump', { from: 'mbo-2', to: 'mbo-4' })).toContain(
      'van mbo-2 naar mbo-4',
    );
    // A page with the taxonomy's labels says levels as people know them, not by their codes.
    const labels = {
      label: (vocabulary: string, code: string | number | null | undefined) =>
        vocabulary === 'educationLevels' ? `mbo niveau ${String(code).slice(4)}` : String(code),
    };
    expect(inDutch({ code: 'levelJump', values: { from: 'mbo-2', to: 'mbo-4' } }, labels)).toBe(
      'Het niveau springt van mbo niveau 2 naar mbo niveau 4. Kijk of er een module tussen moet.',
    );
    expect(inDutch({ code: 'prerequisiteNotEarlier', values: { title: 'mbo-2' } }, labels)).toBe(
      'Zet de voorkennis "mbo-2" eerder in de cursus.',
    );
    expect(dutchMessage('textControl', { chars: '␀ ␇', count: 2 })).toBe(
      'Deze tekst bevat tekens die niet kunnen worden opgeslagen, hier zichtbaar gemaakt als ␀ ␇. Haal ze weg en probeer het opnieuw.',
    );
    expect(dutchMessage('licenceShareAlike', { source: 'CC-BY-SA-4.0' })).toContain(
      '(CC-BY-SA-4.0): kies dezelfde licentie',
    );
    expect(dutchMessage('unknownCode', { vocabulary: 'levels', value: 'hbo-9' })).toBe(
      'Kies een waarde uit de lijst; "hbo-9" staat er niet in.',
    );
    expect(dutchMessage('unknownCode', { vocabulary: 'levels', value: 'hbo-9', more: 2995 })).toBe(
      'Kies waarden uit de lijst; "hbo-9" en 2.995 meer staan er niet in.',
    );
    expect(dutchMessage('notInFuture')).toBe('Vul een datum in die niet in de toekomst ligt.');
  });

  it('has a general Dutch sentence for a code it does not know, never the English', () => {
    expect(dutchMessage('somethingNew')).toBe(GENERAL_MESSAGE);
    expect(dutchMessage(undefined)).toBe(GENERAL_MESSAGE);
    expect(inDutch({ code: 'toString' })).toBe(GENERAL_MESSAGE);
    expect(inDutch({ code: 'isEmail' })).toBe(
      'Vul een geldig e-mailadres in, zoals naam@school.nl.',
    );
  });
});
