import { InitialSchema1764288000000 } from './1764288000000-InitialSchema';
import { SearchOutbox1764374400000 } from './1764374400000-SearchOutbox';
import { ReuseAndDerivatives1764460800000 } from './1764460800000-ReuseAndDerivatives';
import { FollowAndNotify1764547200000 } from './1764547200000-FollowAndNotify';
import { Courses1764633600000 } from './1764633600000-Courses';
import { AccountSecurity1764720000000 } from './1764720000000-AccountSecurity';
import { SearchOutboxParking1764806400000 } from './1764806400000-SearchOutboxParking';
import { ReuseOncePerAdopter1764892800000 } from './1764892800000-ReuseOncePerAdopter';
import { AssetReadSurface1764979200000 } from './1764979200000-AssetReadSurface';
import { WebSessions1765065600000 } from './1765065600000-WebSessions';
import { DutchNotifications1765152000000 } from './1765152000000-DutchNotifications';
import { AuditTrail1765238400000 } from './1765238400000-AuditTrail';
import { HarvestDatestamp1765324800000 } from './1765324800000-HarvestDatestamp';
import { CatalogueImport1765411200000 } from './1765411200000-CatalogueImport';
import { BackgroundJobs1765497600000 } from './1765497600000-BackgroundJobs';
import { ApiTokenVersion1765501200000 } from './1765501200000-ApiTokenVersion';
import { CourseShareNonce1765504800000 } from './1765504800000-CourseShareNonce';
import { ListedAndPublicFaces1765584000000 } from './1765584000000-ListedAndPublicFaces';
import { SelfServiceAccounts1765670400000 } from './1765670400000-SelfServiceAccounts';
import { DraftsMayBeIncomplete1765756800000 } from './1765756800000-DraftsMayBeIncomplete';
import { DryRunThenImport1765843200000 } from './1765843200000-DryRunThenImport';
import { AccountEmailsNormalised1765929600000 } from './1765929600000-AccountEmailsNormalised';
import { SessionIds1766016000000 } from './1766016000000-SessionIds';
import { ReportInFileOrder1766102400000 } from './1766102400000-ReportInFileOrder';
import { SearchHitsCarryPrice1766188800000 } from './1766188800000-SearchHitsCarryPrice';
import { MaterialRequests1766192400000 } from './1766192400000-MaterialRequests';
import { ElectiveCodeIndex1766196000000 } from './1766196000000-ElectiveCodeIndex';
import { AssetChangeActors1766199600000 } from './1766199600000-AssetChangeActors';
import { PublishedRelations1766203200000 } from './1766203200000-PublishedRelations';
import { OfferingIds1766205000000 } from './1766205000000-OfferingIds';
import { ListingOrder1766206800000 } from './1766206800000-ListingOrder';
import { EdurepFeedGate1766210400000 } from './1766210400000-EdurepFeedGate';
import { QualificationStructure1766214000000 } from './1766214000000-QualificationStructure';
import { PartsIndexWithoutPendingList1766217600000 } from './1766217600000-PartsIndexWithoutPendingList';
import { FederatedSignIn1766302700000 } from './1766302700000-FederatedSignIn';
import { Mail1766400000000 } from './1766400000000-Mail';
import { Reviews1766500000000 } from './1766500000000-Reviews';
import { ListsAndSavedSearches1766600000000 } from './1766600000000-ListsAndSavedSearches';
import { FederatedSignInAddress1766610000000 } from './1766610000000-FederatedSignInAddress';
import { Usage1766700000000 } from './1766700000000-Usage';
import { AccountDeletion1766800000000 } from './1766800000000-AccountDeletion';
import { SearchSearchers1766903600000 } from './1766903600000-SearchSearchers';
import { ImportSimilarLater1767000000000 } from './1767000000000-ImportSimilarLater';
import { SearchNodes1767100000000 } from './1767100000000-SearchNodes';
import { SearchGeneration1767200000000 } from './1767200000000-SearchGeneration';

/** Listed explicitly so the same set runs from compiled JS, ts-jest and the CLI. */
export const migrations = [
  InitialSchema1764288000000,
  SearchOutbox1764374400000,
  ReuseAndDerivatives1764460800000,
  FollowAndNotify1764547200000,
  Courses1764633600000,
  AccountSecurity1764720000000,
  SearchOutboxParking1764806400000,
  ReuseOncePerAdopter1764892800000,
  AssetReadSurface1764979200000,
  WebSessions1765065600000,
  DutchNotifications1765152000000,
  AuditTrail1765238400000,
  HarvestDatestamp1765324800000,
  CatalogueImport1765411200000,
  BackgroundJobs1765497600000,
  ApiTokenVersion1765501200000,
  CourseShareNonce1765504800000,
  ListedAndPublicFaces1765584000000,
  SelfServiceAccounts1765670400000,
  DraftsMayBeIncomplete1765756800000,
  DryRunThenImport1765843200000,
  AccountEmailsNormalised1765929600000,
  SessionIds1766016000000,
  ReportInFileOrder1766102400000,
  SearchHitsCarryPrice1766188800000,
  MaterialRequests1766192400000,
  ElectiveCodeIndex1766196000000,
  AssetChangeActors1766199600000,
  PublishedRelations1766203200000,
  OfferingIds1766205000000,
  ListingOrder1766206800000,
  EdurepFeedGate1766210400000,
  QualificationStructure1766214000000,
  PartsIndexWithoutPendingList1766217600000,
  FederatedSignIn1766302700000,
  Mail1766400000000,
  Reviews1766500000000,
  ListsAndSavedSearches1766600000000,
  FederatedSignInAddress1766610000000,
  Usage1766700000000,
  AccountDeletion1766800000000,
  SearchSearchers1766903600000,
  ImportSimilarLater1767000000000,
  SearchNodes1767100000000,
  SearchGeneration1767200000000,
];
