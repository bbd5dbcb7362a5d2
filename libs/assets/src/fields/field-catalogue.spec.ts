import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MaxLength, MinLength } from '@bouwsteen/common/pure';
import { NeededToPublish } from '../publish-needs';
import { dutchCount, dutchNumber, limitsSentence } from './dutch-limits';
import { FieldCatalogue } from './field-catalogue';
import { FIELD_TEXTS, fieldLabel } from './field-texts';

class Part {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

class Section {
  @NeededToPublish()
  @ValidateIf((_object, value) => value !== undefined)
  @IsInt()
  @Min(1)
  @Max(72)
  durationMonths?: number;
}

class Body {
  @IsIn(['module', 'curriculum'])
  kind: string;

  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @NeededToPublish()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @ArrayMaxSize(30)
  keywords?: string[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  contacts?: Part[];

  @IsOptional()
  @ValidateNested()
  curriculum?: Section;
}

const texts = {
  kind: { label: 'Soort', options: { module: 'Module' } },
  title: { label: 'Titel', help: 'Zoals een docent zoekt.' },
  keywords: { label: 'Trefwoorden' },
  contacts: { label: 'Contact', entry: 'Contact' },
  'contacts.role': { label: 'Rol' },
  curriculum: { label: 'Over het curriculum' },
  'curriculum.durationMonths': { label: 'Duur in maanden' },
  'curriculum.gone': { label: 'Weg' },
};

describe('FieldCatalogue', () => {
  const catalogue = new FieldCatalogue(Body, { contacts: Part, curriculum: Section }, texts);

  it('reads each path’s type, list-ness and limits from the class-validator rules', () => {
    expect(catalogue.get('title')).toMatchObject({
      type: 'text',
      list: false,
      limits: { minLength: 3, maxLength: 200 },
      help: 'Zoals een docent zoekt. Minstens 3 en hoogstens 200 tekens.',
    });
    expect(catalogue.get('keywords')).toMatchObject({
      list: true,
      limits: { maxLength: 60, maxSize: 30 },
      help: 'Hoogstens 30, elk hoogstens 60 tekens.',
    });
    expect(catalogue.get('contacts.3.organisationId')).toMatchObject({ type: 'uuid' });
    expect(catalogue.get('contacts')).toMatchObject({ type: 'record', list: true });
    expect(catalogue.get('curriculum.durationMonths')).toMatchObject({
      type: 'integer',
      help: 'Minstens 1 en hoogstens 72.',
    });
  });

  it('names a choice’s codes as the IsIn rule lists them, with the written names', () => {
    expect(catalogue.get('kind')).toMatchObject({
      type: 'choice',
      options: { module: 'Module', curriculum: 'curriculum' },
    });
  });

  it('tells what a draft needs (required all the way up) from what publishing needs, per kind', () => {
    const needs = (path: string) => {
      const field = catalogue.get(path)!;
      return { draft: field.draft, publish: field.publish };
    };
    expect(needs('title')).toEqual({ draft: true, publish: [] });
    expect(needs('keywords').publish).toEqual([
      'curriculum',
      'module',
      'infrastructure',
      'practice',
    ]);
    expect(needs('contacts.role')).toEqual({ draft: false, publish: [] });
    expect(catalogue.get('contacts.role')!.required).toBe(true);
    expect(needs('curriculum.durationMonths')).toEqual({ draft: false, publish: ['curriculum'] });
  });

  it('lists DTO paths without texts, and texts without a DTO path', () => {
    expect(catalogue.disagreements()).toEqual({
      unwritten: ['contacts.organisationId'],
      unknown: ['curriculum.gone'],
    });
  });
});

describe('fieldLabel', () => {
  it('names a field with its groups, an entry by its number, without the kind’s section', () => {
    expect(fieldLabel('module.learningOutcomes.1.escoUri')).toBe(
      'Leeruitkomst 2 — ESCO-vaardigheid (adres)',
    );
    expect(fieldLabel('module.studyLoad.value')).toBe('Studiebelasting — Hoeveel');
    expect(fieldLabel('practice.period.end')).toBe('Periode — Einddatum');
    expect(fieldLabel('keywords.2')).toBe('Trefwoorden');
    expect(fieldLabel('module')).toBe('Over de module');
    expect(fieldLabel('_form')).toBe('');
  });
});

describe('limits in Dutch', () => {
  it('writes numbers as Dutch does', () => {
    expect([2000, 20000, 10_000_000, 0.25, -90].map(dutchNumber)).toEqual([
      '2000',
      '20.000',
      '10.000.000',
      '0,25',
      '-90',
    ]);
    expect([5, 20, 30].map(dutchCount)).toEqual(['vijf', 'twintig', '30']);
  });

  it('says nothing of a lower bound of one character, or of no limits', () => {
    expect(limitsSentence({ minLength: 1, maxLength: 100 }, false)).toBe('Hoogstens 100 tekens.');
    expect(limitsSentence({ maxSize: 5 }, true)).toBe('Hoogstens vijf.');
    expect(limitsSentence({}, false)).toBe('');
  });
});

describe('the written texts', () => {
  it('leave limits to the DTO: no help restates a number of characters or entries', () => {
    const restating = Object.entries(FIELD_TEXTS).filter(([, text]) =>
      /\b(tekens|hoogstens|minstens \d|tot \d)/i.test(text.help ?? ''),
    );
    expect(restating).toEqual([]);
  });
});
