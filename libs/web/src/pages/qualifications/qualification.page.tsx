import { Injectable } from '@nestjs/common';
import { QualificationsService } from '@bouwsteen/qualifications';
import type { PageContext } from '../../http/page-context';
import { SiteRenderer } from '../../layout/site-renderer';
import { ElectiveView } from './elective.view';
import { levelText, qualificationPath, electivePath } from './qualification-parts';
import { QualificationView } from './qualification.view';

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

  async qualification(page: PageContext, crebo: string): Promise<string> {
    const [data, reference] = await Promise.all([
      this.qualifications.page(crebo),
      this.qualifications.onlyReference(),
    ]);
    const q = data.qualification;
    return this.site.page(
      page,
      {
        title: `${q.title} (crebo ${q.crebo})`,
        description: `Kerntaken, keuzedelen en de herbruikbare curricula en modules voor de mbo-kwalificatie ${q.title}, ${levelText(q.level) || 'crebo ' + q.crebo}.`,
        canonicalPath: qualificationPath(q.crebo),
        section: 'kwalificaties',
      },
      <QualificationView data={data} reference={reference} />,
    );
  }

  async elective(page: PageContext, code: string): Promise<string> {
    const [data, reference] = await Promise.all([
      this.qualifications.electivePage(code),
      this.qualifications.onlyReference(),
    ]);
    const e = data.elective;
    return this.site.page(
      page,
      {
        title: `Keuzedeel ${e.code} ${e.title}`,
        description: `Het mbo-keuzedeel ${e.title}: omvang, certificaat, de kwalificaties waarbij het past en de modules die het aanbieden.`,
        canonicalPath: electivePath(e.code),
        section: 'kwalificaties',
      },
      <ElectiveView data={data} reference={reference} />,
    );
  }
}
