/**
 * External services the integration tests can use. Unset means "skip those tests" on a laptop, but on CI (CI=true)
 * a missing one is a configuration mistake that must fail the run instead of silently skipping it.
 */
export function externalService(name: 'TEST_DATABASE_URL' | 'REDIS_URL'): string | undefined {
  const value = process.env[name]?.trim() || undefined;
  if (!value && process.env.CI === 'true')
    throw new Error(`${name} must be set when CI=true: these tests may not be skipped on CI`);
  return value;
}
