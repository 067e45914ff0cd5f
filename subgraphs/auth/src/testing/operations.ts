/** GraphQL operations and small helpers shared by the auth integration tests. */
import { CLIENT_ADDRESS_HEADER } from '@bloomzy/shared/http/client-address';
import { routerGql } from '@bloomzy/shared/testing/graphql-client';

const PAYLOAD = 'accessToken refreshToken expiresAt user { id email username role timezone }';
export const SIGNUP = `mutation($input: SignupInput!) { signup(input: $input) { ${PAYLOAD} } }`;
export const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${PAYLOAD} } }`;
export const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { ${PAYLOAD} } }`;
export const ME = '{ me { id email username } }';

/** What signup, login and refreshToken return. */
export interface Payload {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: { id: string; email: string | null; username: string; role: string; timezone: string };
}

let n = 0;
/** An email address no one has signed up with yet, in mixed case (the service stores it lower-cased). */
export const email = () => `user${++n}-${Date.now()}@Example.com`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Headers of a request the router forwards for the client at `address`. */
export const fromClient = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });

/** Signs a new user up at `auth` (as the router would) with password `green-thumb-1` (plus `input`), failing on errors. */
export async function signupAt(
  auth: { name: string; url: string },
  input: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Payload> {
  const res = await routerGql<{ signup: Payload }>(
    auth,
    SIGNUP,
    { input: { email: email(), password: 'green-thumb-1', ...input } },
    headers,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.signup;
}
