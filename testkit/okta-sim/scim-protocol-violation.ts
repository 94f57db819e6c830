/**
 * The SCIM server broke a rule Okta depends on (non-integer totalResults, a short page before the end, an id served
 * twice, a non-200). Against a real tenant these do not fail loudly: they silently skip or deactivate users. The
 * simulator throws instead, so a test or benchmark fails at the first one.
 */
export class ScimProtocolViolation extends Error {
  override readonly name = "ScimProtocolViolation";
  constructor(
    readonly request: string,
    readonly problem: string,
  ) {
    super(`${request}: ${problem}`);
  }
}
