import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/password-policy';
import { useApi } from '../../app/useApi';

/**
 * The thresholds the server is configured with (QIFU_PASSWORD_MIN_LENGTH, QIFU_PASSWORD_MIN_CLASSES), as it
 * publishes them. Until they arrive — or if they cannot be read — the platform default stands in, so the hints
 * are never blank; the server judges the submitted password by its own settings either way.
 */
export function usePasswordPolicy(): PasswordPolicy {
  const { data } = useApi<PasswordPolicy>('/auth/password-policy');
  return data ?? DEFAULT_PASSWORD_POLICY;
}
