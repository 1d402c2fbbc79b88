/**
 * Slack's own error code for a failed call: the Web API's `error` field ("channel_not_found",
 * "not_in_channel", "ratelimited"), else the WebClient's code ("slack_webapi_request_error").
 */
export function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown } | undefined;
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (typeof e?.code === 'string') return e.code;
  return 'unknown';
}
