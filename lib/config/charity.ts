import type { Env } from '@/lib/platform/env';

/** The charity's registered details, as the footer, About and the privacy notice give them. */
export interface CharityDetails {
  name: string;
  number: string;
  /** Its entry on the register that holds it, where the number says which register that is. */
  registerUrl: string | null;
  companyNumber: string | null;
  companyUrl: string | null;
  address: string;
  privacyEmail: string;
}

/**
 * A charity's entry on its register: the Charity Commission's for a number in England and Wales
 * (digits alone), OSCR's for a Scottish one (SC…). Others (Northern Ireland's) are left unlinked.
 */
export function charityRegisterUrl(number: string): string | null {
  const compact = number.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{6,8}$/.test(compact)) {
    return `https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/${compact}`;
  }
  if (/^SC\d{6}$/.test(compact)) {
    return `https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=${compact}`;
  }
  return null;
}

export function companyRegisterUrl(number: string): string {
  return `https://find-and-update.company-information.service.gov.uk/company/${number}`;
}

export function charityDetails(env: Env): CharityDetails {
  return {
    name: env.CHARITY_NAME,
    number: env.CHARITY_NUMBER,
    registerUrl: charityRegisterUrl(env.CHARITY_NUMBER),
    companyNumber: env.COMPANY_NUMBER,
    companyUrl: env.COMPANY_NUMBER ? companyRegisterUrl(env.COMPANY_NUMBER) : null,
    address: env.CHARITY_ADDRESS,
    privacyEmail: env.PRIVACY_EMAIL,
  };
}
