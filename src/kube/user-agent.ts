/** The version reported in the User-Agent; kept in step with package.json. */
export const VANE_VERSION = '0.1.0';

/** `vane/0.1.0 (linux/x64) rollouts-controller`, shaped like client-go's default user agent. */
export function defaultUserAgent(component = 'vane'): string {
  return `vane/${VANE_VERSION} (${process.platform}/${process.arch}) ${component}`;
}
