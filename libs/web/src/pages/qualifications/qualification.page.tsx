import { Injectable } from '@nestjs/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { ElectiveView } from './elective.view';
import {
  electiveName,
  electivePath,
  levelText,
  qualificationName,
  qualificationPath,
} from './qualification-parts';
import { QualificationView } from './qualification.view';

/** A page, or the address it lives at (answered with a 301). */
export type PageOrMove = string | { movedTo: string };

/**
 * /kwalificaties/:crebo and /kwalificaties/keuzedelen/:code. An unknown or malformed code is
 * the service's not-found, which the site answers with its Dutch 404 page.
 */
@Injectable()
export class QualificationPages {
  constructor(
    private readonly site: SiteRenderer,
    private readonly qualifications: QualificationsService,
  ) {}

  async qualification(page: PageContext, crebo: string): Promise<PageOrMove> {
    // A dossier's crebo (shown on a qualification's page) has no page of its own: its
    // qualifications are the overview narrowed to it.
    if (/^\d{5}$/.test(crebo) && (await this.qualifications.isDossier(crebo)))
      return { movedTo: `/kwalificaties?q=${crebo}` };
    const [data, reference] = await Promise.all([
      this.qualifications.page(crebo),
      this.qualifications.onlyReference(),
    ]);
    const q = data.qualification;
    const name = qualificationName(q.title, q.crebo);
    return this.site.page(
      page,
      {
        title: q.title.trim() ? `${name} (crebo ${q.crebo})` : name,
        description: `Kerntaken, keuzedelen en de herbruikbare curricula en modules voor de mbo-kwalificatie ${name}, ${levelText(q.level) || 'crebo ' + q.crebo}.`,
        canonicalPath: qualificationPath(q.crebo),
        section: 'kwalificaties',
      },
      <QualificationView data={data} reference={reference} />,
    );
  }

  async elective(page: PageContext, code: string): Promise<PageOrMove> {
    // Codes are upper case ("K0771"); a typed "k0771" is the same keuzedeel.
    if (/^k\d{4}$/.test(code)) return { movedTo: electivePath(code.toUpperCase()) };
    const [data, reference] = await Promise.all([
      this.qualifications.electivePage(code),
      this.qualifications.onlyReference(),
    ]);
    const e = data.elective;
    return this.site.page(
      page,
      {
        title: e.title.trim()
          ? `Keuzedeel ${electiveName(e.title, e.code)}`
          : `Keuzedeel ${e.code}`,
        description: `Het mbo-keuzedeel ${electiveName(e.title, e.code)}: omvang, certificaat, de kwalificaties waarbij het past en de modules die het aanbieden.`,
        canonicalPath: electivePath(e.code),
        section: 'kwalificaties',
      },
      <ElectiveView data={data} reference={reference} />,
    );
  }
}
