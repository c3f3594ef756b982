'use server';

import { requestPasswordReset } from '@/lib/auth/email-links';
import { requestedEmail, sendEmailRequest, type EmailRequestState } from '@/lib/auth/email-request';

export async function forgotPasswordAction(
  _previous: EmailRequestState,
  form: FormData,
): Promise<EmailRequestState> {
  const requested = requestedEmail(form);
  if (requested.error !== undefined) return requested;
  const { email } = requested;
  return sendEmailRequest(email, (ip) => requestPasswordReset(email, ip));
}
