'use client';

import { useActionState } from 'react';
import { TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { MediaPicker } from '@/components/admin/media-picker.client';
import { SubmitButton } from '@/components/forms/submit-button';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import { saveExpertAction } from './actions';

const ids = {
  name: 'expert-name',
  slug: 'expert-slug',
  jobTitle: 'expert-job-title',
  bio: 'expert-bio',
  photoId: 'expert-photo',
};

export function ExpertForm({
  id,
  values,
  photos,
}: {
  id?: string;
  values: SaveState['values'];
  photos: MediaChoice[];
}) {
  const [state, action, pending] = useActionState(saveExpertAction, { values, errors: {} });
  const { values: shown, errors } = state;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-6">
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
        label="Slug (the end of the expert’s page address)"
        hint={
          id
            ? 'Leave blank to keep the current one. Changing it moves the expert’s page.'
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
      <TextArea
        id={ids.bio}
        name="bio"
        label="Biography"
        hint="Plain text, shown on the expert’s page."
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
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save expert' : 'Create expert'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
