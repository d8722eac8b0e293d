import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useDescribeError } from './errors';
import { applyApiError, type NamePath } from './form-errors';

export interface FormSubmit<V> {
  /** Pass to the form's `onFinish`. */
  onFinish(values: V): Promise<void>;
  submitting: boolean;
  /** What the page shows above the form after a refusal: the API's message, or the fields the form lacks. */
  failure: string | null;
}

/**
 * The one way a form talks to the API: while `action` runs the submit button spins; when the API refuses, each
 * field's message goes beside that field and the rest above the form (see applyApiError).
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  action: (values: V) => Promise<void>,
  mapField?: (field: string) => NamePath | null,
): FormSubmit<V> {
  const describe = useDescribeError();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const onFinish = async (values: V) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await action(values);
    } catch (e) {
      setFailure(applyApiError(form, e, describe, mapField));
    } finally {
      setSubmitting(false);
    }
  };
  return { onFinish, submitting, failure };
}
