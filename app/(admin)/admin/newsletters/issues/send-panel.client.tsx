'use client';

import { useActionState, useRef, useState } from 'react';
import { FieldError } from '@/components/admin/form-controls';
import {
  scheduleAction,
  sendNowAction,
  sendTestAction,
  unscheduleAction,
  type IssueActionState,
} from './actions';

const primary =
  'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60';
const secondary =
  'rounded border border-navy bg-white px-4 py-2 font-semibold text-navy disabled:opacity-60';

function Outcome({ state }: { state: IssueActionState }) {
  if (state.error) {
    return (
      <p role="alert" className="rounded border border-accent bg-white px-4 py-3 text-accent-dark">
        {state.error}
      </p>
    );
  }
  if (state.message) {
    return (
      <p role="status" className="rounded border border-navy bg-white px-4 py-3 text-navy">
        {state.message}
      </p>
    );
  }
  return null;
}

/** "Send me a test": the issue as last saved, to the editor's own address. */
export function TestSendForm({ id, email }: { id: string; email: string }) {
  const [state, submit, pending] = useActionState(sendTestAction, {});
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <p>
        Sends the issue as last saved to <strong>{email}</strong>; when it has members-only pieces,
        a second e-mail shows what others get.
      </p>
      <button type="submit" disabled={pending} className={secondary}>
        {pending ? 'Sending the test…' : 'Send me a test'}
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** Sending now, in two steps, the second naming how many people it goes to. */
export function SendNowForm({
  id,
  subject,
  recipients,
}: {
  id: string;
  subject: string;
  recipients: number;
}) {
  const [state, submit, pending] = useActionState(sendNowAction, {});
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const people = `${recipients.toLocaleString('en-GB')} ${recipients === 1 ? 'subscriber' : 'subscribers'}`;
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {confirming ? (
        <div className="space-y-3 rounded border border-accent bg-white p-4">
          <p className="font-semibold">
            Send “{subject}” to {people} now? Once it starts, it cannot be stopped or changed.
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="submit" disabled={pending} className={primary} autoFocus>
              {pending ? 'Starting…' : `Yes, send to ${people}`}
            </button>
            <button
              type="button"
              className={secondary}
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => start.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={start}
          type="button"
          className={primary}
          disabled={recipients === 0}
          onClick={() => setConfirming(true)}
        >
          Send now…
        </button>
      )}
      <Outcome state={state} />
    </form>
  );
}

/** Setting the time it goes, on a London clock, or taking a set time back. */
export function ScheduleForm({
  id,
  scheduledFor,
  defaultTime,
}: {
  id: string;
  /** When it is set to go, as staff read it, if it is. */
  scheduledFor: string | null;
  defaultTime: string;
}) {
  const [state, submit, pending] = useActionState(scheduleAction, {});
  const [undoState, undo, undoing] = useActionState(unscheduleAction, {});
  const error = state.errors?.sendAt;
  return (
    <div className="space-y-3">
      {scheduledFor && (
        <form action={undo} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="id" value={id} />
          <p>
            Set to go at <strong>{scheduledFor}</strong>, London time.
          </p>
          <button type="submit" disabled={undoing} className={secondary}>
            {undoing ? 'Cancelling…' : 'Cancel the schedule'}
          </button>
        </form>
      )}
      <Outcome state={undoState} />
      <form action={submit} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={id} />
        <div>
          <label htmlFor="issue-send-at" className="block text-sm font-semibold">
            {scheduledFor ? 'Change the time (London time)' : 'Send at (London time)'}
          </label>
          <input
            id="issue-send-at"
            type="datetime-local"
            name="sendAt"
            defaultValue={defaultTime}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'issue-send-at-error' : undefined}
            className={`mt-1 block rounded border bg-white px-3 py-2 ${error ? 'border-accent' : 'border-rule'}`}
          />
          <FieldError id="issue-send-at" error={error} />
        </div>
        <button type="submit" disabled={pending} className={secondary}>
          {pending ? 'Scheduling…' : 'Schedule'}
        </button>
      </form>
      <Outcome state={state} />
    </div>
  );
}
