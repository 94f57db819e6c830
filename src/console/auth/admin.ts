/** The signed-in admin, set by the session middleware. */
export interface Admin {
  readonly id: number;
  readonly username: string;
}
