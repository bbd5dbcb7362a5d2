/**
 * Every Dutch text of signing in through an institution on /inloggen and /mijn-account, in one
 * table, addressing people with "u" as the rest of the site does. The error pages of the
 * federation's refusals are in the error pages' table (CODE_TEXTS), in the same voice.
 */
export const FEDERATION_TEXTS = {
  signInHeading: 'Inloggen met uw instellingsaccount',
  signInLead:
    'Werkt of studeert u bij een onderwijsinstelling? Log dan in met het account van uw instelling. De eerste keer maakt Bouwsteen een account voor u aan.',
  passwordHeading: 'Inloggen met uw e-mailadres en wachtwoord',
  signInButton: (label: string) => `Inloggen met ${label}`,
  linkedHeading: 'Uw instellingsaccounts',
  linkedItem: (label: string, linkedOn: string, usedOn: string | undefined) =>
    `${label}: gekoppeld op ${linkedOn}${usedOn ? `, laatst gebruikt op ${usedOn}` : ''}`,
  noneLinked:
    'U heeft nog geen instellingsaccount gekoppeld. Koppel er een om voortaan met het account van uw instelling in te loggen.',
  linkButton: (label: string) => `Uw account van ${label} koppelen`,
  unlinkButton: (label: string) => `Ontkoppelen: ${label}`,
  linkedNotice: 'Uw instellingsaccount is gekoppeld. U kunt voortaan ook daarmee inloggen.',
  unlinkedNotice:
    'Uw instellingsaccount is ontkoppeld. U kunt er niet meer mee inloggen bij Bouwsteen.',
  lastWayIn:
    'Dit instellingsaccount kunt u niet ontkoppelen: het is de enige manier waarop u bij Bouwsteen inlogt. Stel eerst een wachtwoord in of koppel een ander instellingsaccount.',
  noPasswordHeading: 'Wachtwoord instellen',
  noPassword:
    'U logt in met uw instellingsaccount en heeft bij Bouwsteen geen wachtwoord. Wilt u ook met uw e-mailadres en een wachtwoord kunnen inloggen, bijvoorbeeld als u niet meer bij uw instelling werkt? Stel dan een wachtwoord in.',
  noPasswordButton: 'Wachtwoord instellen',
} as const;
