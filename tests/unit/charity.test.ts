import { describe, expect, it } from 'vitest';
import { charityDetails, charityRegisterUrl } from '@/lib/config/charity';
import { parseEnv } from '@/lib/platform/env';
import { privacyNotice } from '@/lib/pages/privacy-notice';

describe('charityRegisterUrl', () => {
  it('links a number in England and Wales to the Charity Commission, a Scottish one to OSCR', () => {
    expect(charityRegisterUrl('1234567')).toBe(
      'https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1234567',
    );
    expect(charityRegisterUrl('SC012345')).toBe(
      'https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=SC012345',
    );
    // Northern Ireland's register has no address by number alone.
    expect(charityRegisterUrl('NIC100001')).toBeNull();
  });
});

describe('the privacy notice', () => {
  it('names the controller, its numbers, office and contact from the configuration', () => {
    const { body } = privacyNotice(charityDetails(parseEnv({})));
    expect(body).toContain(
      'Northgate Institute for Public Policy is the controller of the personal data described here. We are a registered charity (number 1234567) and a company limited by guarantee (company number 19283746). Our registered office is Northgate House, 1 Example Street, London.',
    );
    expect(body).toContain('**privacy@northgate.example**');
    expect(body).toMatch(/^\*Last updated: \d{1,2} \w+ \d{4}\.\*/);
  });

  it('names no company for a charity that is not one', () => {
    const charity = charityDetails(
      parseEnv({ COMPANY_NUMBER: 'none', CHARITY_NUMBER: 'SC012345' }),
    );
    expect(privacyNotice(charity).body).toContain(
      'We are a registered charity (number SC012345). Our registered office',
    );
  });
});
