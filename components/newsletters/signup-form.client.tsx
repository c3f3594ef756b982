'use client';

import Link from 'next/link';
import { useActionState, useEffect, useId, useRef } from 'react';
import { signupAction, type SignupState } from '@/app/(site)/newsletters/actions';
import { FormAlert } from '@/components/forms/form-alert';
import type { PublicList } from '@/lib/newsletters/lists';

const initial: SignupState = { email: '', errors: {} };

interface Props {
  /** The lists offered: one is chosen for the reader, several are ticked by them. */
  lists: Pick<PublicList, 'id' | 'name' | 'cadence'>[];
  /** Lists ticked before the reader chooses. */
  checked?: string[];
  /** A dark band (the footer) or the page's paper. */
  tone?: 'paper' | 'dark';
}

/**
 * Sign-up without an account: an address and the lists, then a confirmation e-mail (double
 * opt-in). The answer is the same for every address, so it tells nobody who is subscribed.
 */
export function SignupForm({ lists, checked = [], tone = 'paper' }: Props) {
  const [state, action, pending] = useActionState(signupAction, initial);
  const id = useId().replace(/:/g, '');
  const done = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.sentTo) done.current?.focus();
    else form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const dark = tone === 'dark';
  if (state.sentTo) {
    return (
      <p ref={done} tabIndex={-1} role="status" className={dark ? 'text-white' : ''}>
        <strong>Check your inbox.</strong> We have sent a link to {state.sentTo}: press its button
        to confirm your subscription. Nothing is sent until you do.
      </p>
    );
  }
  const { errors } = state;
  const single = lists.length === 1 ? lists[0] : undefined;
  const hint = dark ? 'text-white/80' : 'text-muted';
  const problem = `mt-1 text-sm font-medium ${dark ? 'text-highlight' : 'text-accent-dark'}`;
  return (
    <form ref={form} action={action} noValidate className="space-y-3">
      {/* With one list there is no choice to mark: its problem is the form's. */}
      <FormAlert message={errors.form ?? (single ? errors.lists : undefined)} />
      {single ? (
        <input type="hidden" name="list" value={single.id} />
      ) : (
        // Made again when the form comes back, ticked as the reader left it.
        <fieldset
          key={state.lists?.join() ?? 'initial'}
          aria-describedby={errors.lists ? `${id}-lists-error` : undefined}
        >
          <legend className="text-sm font-semibold">Newsletters</legend>
          <div className="mt-1 space-y-1">
            {lists.map((list) => (
              <label key={list.id} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="list"
                  value={list.id}
                  defaultChecked={(state.lists ?? checked).includes(list.id)}
                  aria-invalid={errors.lists ? true : undefined}
                  className="mt-1 h-4 w-4 shrink-0 accent-navy"
                />
                <span>
                  {list.name}
                  {list.cadence && <span className={`block text-sm ${hint}`}>{list.cadence}</span>}
                </span>
              </label>
            ))}
          </div>
          {errors.lists && (
            <p id={`${id}-lists-error`} className={problem}>
              {errors.lists}
            </p>
          )}
        </fieldset>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold">
          E-mail address
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={state.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : `${id}-email-hint`}
            className={`min-w-0 flex-1 basis-56 rounded border bg-white px-3 py-2 text-ink ${errors.email ? 'border-accent' : 'border-rule'}`}
          />
          <button
            type="submit"
            disabled={pending}
            className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${dark ? 'bg-white text-navy hover:bg-paper' : 'bg-navy text-white hover:bg-navy-deep'}`}
          >
            {pending ? 'Signing up…' : 'Sign up'}
          </button>
        </div>
        {errors.email ? (
          <p id={`${id}-email-error`} className={problem}>
            {errors.email}
          </p>
        ) : (
          <p id={`${id}-email-hint`} className={`mt-1 text-sm ${hint}`}>
            Free. We e-mail you a link to confirm; unsubscribe at any time.{' '}
            <Link href="/privacy#newsletters" className="underline">
              How we use your address
            </Link>
            .
          </p>
        )}
      </div>
      <div className="hidden" aria-hidden="true">
        <label>
          Leave this empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </form>
  );
}
