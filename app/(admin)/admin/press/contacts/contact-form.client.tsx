'use client';

import { TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { savePressContactAction } from './actions';

const ids = {
  name: 'contact-name',
  role: 'contact-role',
  email: 'contact-email',
  phone: 'contact-phone',
  hours: 'contact-hours',
  position: 'contact-position',
};

export function PressContactForm({
  id,
  values,
  notice,
}: {
  id?: string;
  values: SaveState['values'];
  /** What led to the page, such as "Contact created.", shown until the next save. */
  notice?: string;
}) {
  const { state, action, pending, tracking } = useSaveForm(savePressContactAction, values, notice);
  const { values: shown, errors } = state;
  return (
    <form action={action} {...tracking} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <TextInput
        id={ids.name}
        name="name"
        label="Name"
        required
        maxLength={120}
        defaultValue={shown.name}
        error={errors.name}
      />
      <TextInput
        id={ids.role}
        name="role"
        label="Role"
        hint="Such as “Head of Communications” or “Duty press officer”."
        maxLength={160}
        defaultValue={shown.role}
        error={errors.role}
      />
      <TextInput
        id={ids.email}
        name="email"
        type="email"
        label="E-mail"
        hint="The first contact’s address receives the media requests sent from /press, unless PRESS_EMAIL names another."
        required
        maxLength={254}
        spellCheck={false}
        defaultValue={shown.email}
        error={errors.email}
      />
      <TextInput
        id={ids.phone}
        name="phone"
        type="tel"
        label="Phone"
        hint="As people read it, such as +44 20 7946 0123."
        maxLength={30}
        defaultValue={shown.phone}
        error={errors.phone}
      />
      <TextInput
        id={ids.hours}
        name="hours"
        label="Hours"
        hint="When they answer, such as “Monday to Friday, 8am to 7pm”."
        maxLength={160}
        defaultValue={shown.hours}
        error={errors.hours}
      />
      <TextInput
        id={ids.position}
        name="position"
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        label="Position"
        hint="Contacts are listed from the lowest number up."
        defaultValue={shown.position}
        error={errors.position}
        className="max-w-32"
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save contact' : 'Create contact'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
