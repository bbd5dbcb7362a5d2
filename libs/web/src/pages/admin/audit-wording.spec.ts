import { auditSummary, auditWhat, versionWhat } from './audit-wording';

describe('the audit trail in Dutch', () => {
  it('names fields by their Dutch labels, never by their API names', () => {
    expect(auditSummary('account', 'a@b.nl: displayName, role, ppsIds')).toBe(
      'a@b.nl: Naam, Rol, PPS',
    );
    expect(auditSummary('account', 'audit@example.org: password, active')).toBe(
      'audit@example.org: Wachtwoord, Account actief',
    );
    expect(auditSummary('pps', 'Techport mbo: name, leadOrganisationId')).toBe(
      'Techport mbo: Naam, Penvoerende instelling',
    );
    expect(auditSummary('organisation', 'ROC Nova: aliases, kvkNumber')).toBe(
      'ROC Nova: Andere namen, KvK-nummer',
    );
  });

  it("says which role an account changed from and to, by the roles' names", () => {
    expect(auditSummary('account', 'a@b.nl: displayName, role (teacher → pps-editor)')).toBe(
      'a@b.nl: Naam, Rol van Docent naar Projectleider PPS',
    );
    expect(auditSummary('account', 'a@b.nl: role (teacher → unknown-role)')).toBe('a@b.nl: Rol');
  });

  it('words a discarded draft by its title and version', () => {
    expect(auditWhat('asset', 'discarded')).toBe('Concept van een bouwsteen weggegooid');
    expect(auditSummary('asset', 'Cobots: veilig: draft 3')).toBe('Cobots: veilig, versie 3');
  });

  it('words a new account with its role by name', () => {
    expect(auditSummary('account', 'nieuw@pps.nl (pps-editor)')).toBe(
      'nieuw@pps.nl, rol Projectleider PPS',
    );
    expect(auditSummary('account', 'loket@roc.nl (llo-office)')).toBe(
      'loket@roc.nl, rol LLO-loket',
    );
  });

  it('words the events that are no list of fields', () => {
    expect(auditSummary('account', 'a@b.nl: signed out everywhere')).toBe(
      'a@b.nl: overal uitgelogd',
    );
    expect(auditSummary('account', 'a@b.nl: password (chosen through a invitation link)')).toBe(
      'a@b.nl: wachtwoord gekozen via de uitnodigingslink',
    );
    expect(auditSummary('account', 'a@b.nl: password reset link')).toBe(
      'a@b.nl: link voor een nieuw wachtwoord gemaakt',
    );
    expect(auditSummary('account', 'verwijderd account: deleted by its owner')).toBe(
      'verwijderd account: verwijderd door de eigenaar',
    );
    expect(auditSummary('account', 'verwijderd account (pps-editor)')).toBe(
      'verwijderd account, rol Projectleider PPS',
    );
  });

  it('hides a field it has no name for instead of showing its code', () => {
    expect(auditSummary('pps', 'Techport mbo: website, somethingNew')).toBe(
      'Techport mbo: Website, ander gegeven',
    );
  });

  it('keeps a name that holds a colon whole', () => {
    expect(auditSummary('organisation', 'Stichting X: Y: name')).toBe('Stichting X: Y: Naam');
  });

  it('words subjects and actions', () => {
    expect(auditWhat('account', 'deactivated')).toBe('Account gedeactiveerd');
    expect(auditWhat('organisation', 'updated')).toBe('Organisatie gewijzigd');
    expect(auditWhat('account', 'deleted')).toBe('Account verwijderd');
    expect(versionWhat('published')).toBe('gepubliceerd');
  });
});
