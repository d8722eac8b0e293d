import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import { ApiError } from '../../../app/api';
import { useDescribeError } from '../../../app/errors';
import { applyApiError, type NamePath } from '../../../app/form-errors';

/**
 * Saving one part of a profile: every write returns the whole new profile (with its new version). A 409
 * STALE_VERSION means someone else saved first; the editor is told so and offered the latest data instead of
 * having his change silently overwrite theirs.
 */
export function useProfileSaver(onSaved: (p: EnterpriseProfile) => void) {
  const describe = useDescribeError();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const save = useCallback(
    async (
      form: FormInstance | null,
      run: () => Promise<EnterpriseProfile>,
      mapField?: (f: string) => NamePath | null,
    ) => {
      setSaving(true);
      setFailure(null);
      setStale(false);
      try {
        const next = await run();
        onSaved(next);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'STALE_VERSION') setStale(true);
        else setFailure(form ? applyApiError(form, e, describe, mapField) : describe(e));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [onSaved, describe],
  );

  return { saving, failure, stale, save };
}

/** What a section of the profile view is handed. */
export interface ProfileSectionProps {
  profile: EnterpriseProfile;
  /** Adopt the profile a save returned. */
  onChange(p: EnterpriseProfile): void;
  /** Fetch the profile again (after a version conflict). */
  reload(): void;
}

/** What a profile editor dialog is handed by its section. */
export interface ProfileEditorProps extends ProfileSectionProps {
  onClose(): void;
}

export type ProfileEditor = ReturnType<typeof useProfileSaver> & {
  onClose(): void;
  /** The way out of a version conflict: drop this edit, show the latest profile. */
  loadLatest(): void;
};

/** The saver of a profile dialog: a saved profile is adopted and the dialog closes. */
export function useProfileEditor({
  onChange,
  reload,
  onClose,
}: Omit<ProfileEditorProps, 'profile'>): ProfileEditor {
  const saver = useProfileSaver((p) => {
    onChange(p);
    onClose();
  });
  return {
    ...saver,
    onClose,
    loadLatest: () => {
      reload();
      onClose();
    },
  };
}
