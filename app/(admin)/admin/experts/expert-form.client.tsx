'use client';

import { FieldGroup, SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { useSaveForm } from '@/components/admin/use-save-form';
import { MediaPicker } from '@/components/admin/media-picker.client';
import { SubmitButton } from '@/components/forms/submit-button';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import { saveExpertAction } from './actions';

const ids = {
  name: 'person-name',
  slug: 'person-slug',
  jobTitle: 'person-job-title',
  role: 'person-role',
  bio: 'person-bio',
  photoId: 'person-photo',
  topicIds: 'person-areas',
  acceptsMedia: 'person-accepts-media',
  mediaEmail: 'person-media-email',
  mediaPhone: 'person-media-phone',
};

export interface AreaChoice {
  id: string;
  name: string;
  kind: 'topic' | 'region';
}

function AreaBoxes({ areas, chosen }: { areas: AreaChoice[]; chosen: Set<string> }) {
  return (
    <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
      {areas.map((area) => (
        <li key={area.id}>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="topicIds"
              value={area.id}
              defaultChecked={chosen.has(area.id)}
            />
            {area.name}
          </label>
        </li>
      ))}
    </ul>
  );
}

export function ExpertForm({
  id,
  values,
  photos,
  areas,
  roles,
  notice,
}: {
  id?: string;
  values: SaveState['values'];
  /** What led to the page, such as "Person created.", shown until the next save. */
  notice?: string;
  photos: MediaChoice[];
  areas: AreaChoice[];
  /** Passed in, so the browser's bundle carries no schema. */
  roles: { value: string; label: string }[];
}) {
  const { state, action, pending, tracking } = useSaveForm(saveExpertAction, values, notice);
  const { values: shown, errors } = state;
  const chosen = new Set((shown.topicIds ?? '').split(',').filter(Boolean));
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
        id={ids.slug}
        name="slug"
        label="Slug (the end of the person’s page address)"
        hint={
          id
            ? 'Leave blank to keep the current one. Changing it moves the person’s page.'
            : 'Leave blank to make one from the name.'
        }
        maxLength={120}
        spellCheck={false}
        defaultValue={shown.slug}
        error={errors.slug}
      />
      <TextInput
        id={ids.jobTitle}
        name="jobTitle"
        label="Job title"
        maxLength={160}
        defaultValue={shown.jobTitle}
        error={errors.jobTitle}
      />
      <SelectInput
        id={ids.role}
        name="role"
        label="Role"
        hint="Fellows and associates do the research; staff run the Institute; trustees govern it. /people groups and filters by it."
        options={roles}
        defaultValue={shown.role || 'fellow'}
        error={errors.role}
      />
      <TextArea
        id={ids.bio}
        name="bio"
        label="Biography"
        hint="Plain text, shown on the person’s page."
        rows={8}
        maxLength={5000}
        defaultValue={shown.bio}
        error={errors.bio}
      />
      <MediaPicker
        id={ids.photoId}
        name="photoId"
        legend="Photo"
        choices={photos}
        defaultValue={shown.photoId}
        error={errors.photoId}
      />
      <FieldGroup
        id={ids.topicIds}
        legend="Areas of work"
        hint="The topics and regions they work on, shown on their page and used by /people’s filter."
        error={errors.topicIds}
      >
        <p className="mt-3 text-sm font-semibold">Topics</p>
        <AreaBoxes areas={areas.filter((area) => area.kind === 'topic')} chosen={chosen} />
        <p className="mt-4 text-sm font-semibold">Regions</p>
        <AreaBoxes areas={areas.filter((area) => area.kind === 'region')} chosen={chosen} />
      </FieldGroup>
      <FieldGroup
        id="person-media"
        legend="Media contact"
        hint="Shown on their page, under “Media enquiries”, only when they take media requests."
      >
        <div className="mt-3 space-y-4">
          <label htmlFor={ids.acceptsMedia} className="flex items-start gap-2 font-semibold">
            <input
              id={ids.acceptsMedia}
              type="checkbox"
              name="acceptsMedia"
              defaultChecked={shown.acceptsMedia === 'on'}
              className="mt-1"
            />
            Takes media requests
          </label>
          <TextInput
            id={ids.mediaEmail}
            name="mediaEmail"
            type="email"
            label="E-mail for journalists"
            hint="An e-mail address, a phone number or both, when they take media requests."
            maxLength={254}
            spellCheck={false}
            defaultValue={shown.mediaEmail}
            error={errors.mediaEmail}
          />
          <TextInput
            id={ids.mediaPhone}
            name="mediaPhone"
            type="tel"
            label="Phone for journalists"
            hint="As people read it, such as +44 20 7946 0123."
            maxLength={30}
            defaultValue={shown.mediaPhone}
            error={errors.mediaPhone}
          />
        </div>
      </FieldGroup>
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save person' : 'Create person'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
