import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Principal, UsersService } from '@bouwsteen/auth';
import { CommonError, DomainException, NotFoundError } from '@bouwsteen/common';
import {
  QUALIFICATION_FILE_MAX_BYTES,
  QualificationError,
  QualificationImport,
  QualificationsService,
} from '@bouwsteen/qualifications';
import { FORM_TOKEN_FIELD } from '../../forms/form-token';
import { UploadRefusal, readUploadedFile } from '../../http/file-upload';
import type { PageAnswer } from '../../http/page-answer';
import type { PageContext } from '../../http/page-context';
import { unlessNotFound } from '../../http/unless-not-found';
import { SiteRenderer } from '../../layout/site-renderer';
import { adminPage } from './admin-layout';
import { ImportResultView, QualificationsAdminView } from './qualifications-admin.view';

const PATH = '/beheer/kwalificaties';
const IMPORTS_SHOWN = 50;

const REFUSALS: Record<UploadRefusal, { status: number; text: string }> = {
  'no-file': { status: 400, text: 'Kies eerst het XML-bestand van SBB.' },
  'too-large': {
    status: 413,
    text: `Dit bestand is groter dan ${QUALIFICATION_FILE_MAX_BYTES / 1024 / 1024} MB; het bestand van SBB met de hele kwalificatiestructuur is veel kleiner. Kies het juiste bestand.`,
  },
  malformed: {
    status: 400,
    text: 'Het bestand kwam niet helemaal aan; probeer het opnieuw.',
  },
};

/**
 * /beheer/kwalificaties: an admin reads SBB's XML of the qualification structure in, sees
 * what it brought (counts and what was left out) and every earlier import. The reading and
 * its rules are the qualifications library's; this page only sends the file and shows.
 */
@Injectable()
export class QualificationsAdminPage {
  constructor(
    private readonly site: SiteRenderer,
    private readonly qualifications: QualificationsService,
    private readonly users: UsersService,
  ) {}

  async show(page: PageContext, problem?: string): Promise<string> {
    const [imports, reference] = await Promise.all([
      this.qualifications.imports(IMPORTS_SHOWN),
      this.qualifications.onlyReference(),
    ]);
    const people = await this.names(imports.map((entry) => entry.importedBy));
    return adminPage(
      this.site,
      page,
      'Kwalificatiestructuur',
      PATH,
      <QualificationsAdminView
        data={{
          imports,
          reference,
          who: (entry) => importer(entry, people),
          action: `${PATH}?${FORM_TOKEN_FIELD}=${encodeURIComponent(page.formToken)}`,
          problem,
        }}
      />,
    );
  }

  /** The upload: the import's result page, or this page again with why the file was refused. */
  async upload(page: PageContext, principal: Principal, request: Request): Promise<PageAnswer> {
    const upload = await readUploadedFile(request, 'bestand', QUALIFICATION_FILE_MAX_BYTES);
    if ('refused' in upload) {
      const refusal = REFUSALS[upload.refused];
      return { html: await this.show(page, refusal.text), status: refusal.status };
    }
    try {
      const done = await this.qualifications.importFile(upload.file.content, {
        name: upload.file.name || 'naamloos.xml',
        importedBy: principal.userId,
      });
      return { redirect: `${PATH}/${done.id}` };
    } catch (error) {
      if (!(error instanceof DomainException) || error.status >= 500) throw error;
      const text =
        error.code === QualificationError.FileTooLarge
          ? REFUSALS['too-large'].text
          : `${error.detail ?? 'Het bestand is geen kwalificatiebestand van SBB'}. Er is niets veranderd.`;
      return { html: await this.show(page, text), status: error.status };
    }
  }

  async result(page: PageContext, id: string): Promise<string> {
    const [record, unknown] = await Promise.all([
      this.qualifications.importRecord(id),
      this.qualifications.unknownCodes(),
    ]);
    if (!record) throw new NotFoundError(CommonError.NotFound, 'qualification import', id);
    const people = await this.names([record.importedBy]);
    return adminPage(
      this.site,
      page,
      `Ingelezen: ${record.sourceName}`,
      `${PATH}/${id}`,
      <ImportResultView record={record} who={importer(record, people)} unknown={unknown} />,
    );
  }

  private async names(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const people = new Map<string, string>();
    await Promise.all(
      [...new Set(ids.filter((id): id is string => !!id))].map(async (id) => {
        const user = await unlessNotFound(this.users.get(id));
        if (user) people.set(id, user.displayName);
      }),
    );
    return people;
  }
}

/** Who read a file in: an admin by name, the demo's reference set, or an operator's CLI run. */
function importer(
  entry: Pick<QualificationImport, 'importedBy' | 'reference'>,
  people: ReadonlyMap<string, string>,
): string {
  if (entry.importedBy) return people.get(entry.importedBy) ?? 'verwijderd account';
  return entry.reference ? 'Bouwsteen (voorbeeldset)' : 'beheerder, via de opdrachtregel';
}
