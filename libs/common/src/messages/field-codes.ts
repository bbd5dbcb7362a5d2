/**
 * What a rule found wrong with a field, as a code: the field errors of the API carry one
 * (besides the English `message` for developers), and the pages and the import report word it
 * in Dutch by it (`@bouwsteen/taxonomy/pure`'s catalogue), never by reading the English.
 *
 * The rules of the DTOs need no entry here: class-validator's constraint name is their code
 * (`maxLength`, `isEmail`, `isCalendarDate`, …), with the decorator's parameters as values. These
 * are the codes the services, the forms and the import raise themselves; a test holds the Dutch
 * catalogue to this list, so a new code without Dutch words fails before it reaches a page.
 */
export const FieldCode = {
  // Reading a request or a form: text that cannot be stored, a form too large to keep whole.
  TextControl: 'textControl',
  TextSurrogate: 'textSurrogate',
  TextUnreadable: 'textUnreadable',
  TextHiddenFormat: 'textHiddenFormat',
  FormTooLarge: 'formTooLarge',
  TickedOrEmpty: 'tickedOrEmpty',

  // References to what must exist.
  UnknownPps: 'unknownPps',
  UnknownOrganisation: 'unknownOrganisation',
  UnknownAsset: 'unknownAsset',
  UnknownCode: 'unknownCode',
  ListedTwice: 'listedTwice',
  NeedsLettersOrDigits: 'needsLettersOrDigits',
  EndBeforeStart: 'endBeforeStart',
  UnknownOffering: 'unknownOffering',
  NotInFuture: 'notInFuture',

  // Building blocks: their content, kind, licence and publishing.
  NeededToPublish: 'neededToPublish',
  KeptWhilePublished: 'keptWhilePublished',
  NotForKind: 'notForKind',
  WrongKind: 'wrongKind',
  SelfReference: 'selfReference',
  SuccessorNotPublished: 'successorNotPublished',
  ReferenceNotPublished: 'referenceNotPublished',
  ReferenceArchived: 'referenceArchived',
  ChangeNoteRequired: 'changeNoteRequired',
  CertificateNeedsFormal: 'certificateNeedsFormal',
  PhysicalNeedsLocation: 'physicalNeedsLocation',
  UnknownPlace: 'unknownPlace',
  PlaceNeeded: 'placeNeeded',
  ContactNeedsWho: 'contactNeedsWho',
  LicenceShareAlike: 'licenceShareAlike',
  LicenceNonCommercial: 'licenceNonCommercial',
  VersionNotPublished: 'versionNotPublished',

  // Writing many blocks at once (an import through the bulk writer).
  UnknownAssetInPps: 'unknownAssetInPps',
  SourceIdTaken: 'sourceIdTaken',
  SourceIdDiffers: 'sourceIdDiffers',
  KindKept: 'kindKept',
  Archived: 'archived',
  ChangedDuringImport: 'changedDuringImport',
  SaveFailed: 'saveFailed',

  // A spreadsheet or JSON Lines row of an import.
  UnknownKind: 'unknownKind',
  KindOfAnotherSheet: 'kindOfAnotherSheet',
  NotAnAmount: 'notAnAmount',
  AmbiguousAmount: 'ambiguousAmount',
  SubCentAmount: 'subCentAmount',
  NegativeAmount: 'negativeAmount',
  AmountTooLarge: 'amountTooLarge',
  ColumnOfOtherKind: 'columnOfOtherKind',
  TooManyParts: 'tooManyParts',
  UnknownValue: 'unknownValue',
  UnknownSourceId: 'unknownSourceId',
  SourceIdFormat: 'sourceIdFormat',
  SourceIdRepeated: 'sourceIdRepeated',
  ReferencedRowFailed: 'referencedRowFailed',
  ReferenceCycle: 'referenceCycle',
  ReadStoppedBeforeReference: 'readStoppedBeforeReference',
  NotAnObject: 'notAnObject',
  NotJson: 'notJson',
  LineTooLong: 'lineTooLong',
  KeyUnshowable: 'keyUnshowable',
  KeyTooLong: 'keyTooLong',
  KeyNotAllowed: 'keyNotAllowed',

  // Courses: errors that refuse a course, and warnings (advice) that do not.
  NotCourseKind: 'notCourseKind',
  NotPublished: 'notPublished',
  AlreadyInCourse: 'alreadyInCourse',
  NonCommercialInPaidCourse: 'nonCommercialInPaidCourse',
  NoPublishedAsset: 'noPublishedAsset',
  ExactlyOneEmployer: 'exactlyOneEmployer',
  PrerequisiteNotEarlier: 'prerequisiteNotEarlier',
  LevelJump: 'levelJump',
  UpdateAvailable: 'updateAvailable',
  Withdrawn: 'withdrawn',

  // Reuse, accounts, searches, webhooks, lists.
  ExactlyOneAdopter: 'exactlyOneAdopter',
  EditorNeedsPps: 'editorNeedsPps',
  OwnAdminRole: 'ownAdminRole',
  WrongCurrentPassword: 'wrongCurrentPassword',
  ConfirmationMismatch: 'confirmationMismatch',
  SameAsCurrentPassword: 'sameAsCurrentPassword',
  PasswordRepeatMismatch: 'passwordRepeatMismatch',
  MaxBelowMin: 'maxBelowMin',
  LatLngTogether: 'latLngTogether',
  RadiusNeedsPoint: 'radiusNeedsPoint',
  DistanceNeedsPoint: 'distanceNeedsPoint',
  NotPublicAddress: 'notPublicAddress',
  PublicNeedsOrganisation: 'publicNeedsOrganisation',

  // The review forms: a choice left at "Kies…" (said as what to choose, not as a number's shape).
  ChooseScore: 'chooseScore',
  ChooseLevel: 'chooseLevel',
  ChooseUse: 'chooseUse',
  ChoosePathway: 'choosePathway',
  ChooseSetting: 'chooseSetting',
  ChooseReportReason: 'chooseReportReason',
} as const;

export type FieldCode = (typeof FieldCode)[keyof typeof FieldCode];

/** Every code above, for the test that holds the Dutch catalogue to them. */
export const FIELD_CODES: readonly string[] = Object.values(FieldCode);

/**
 * class-validator's names for what its rules check, where code outside the DTOs raises the same
 * finding (a missing value, a choice outside the list, a cell that is no number): one code for one
 * finding, however it was found.
 */
export const Constraint = {
  IsDefined: 'isDefined',
  Whitelisted: 'whitelistValidation',
  IsIn: 'isIn',
  IsUuid: 'isUuid',
  IsInt: 'isInt',
  IsNumber: 'isNumber',
  IsBoolean: 'isBoolean',
  IsAsciiEmail: 'isAsciiEmail',
} as const;

export const CONSTRAINT_CODES: readonly string[] = Object.values(Constraint);
