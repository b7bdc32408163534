/** Meta's customer-service window: free-form messages are deliverable for 24 h after the user wrote. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * When each user last wrote to each business number. A user is known by every id they wrote with
 * (wa_id and BSUID), so a reply addressed either way finds the window.
 */
export class ServiceWindows {
  readonly #lastInbound = new Map<string, number>();

  /** Opens or refreshes the window: the user wrote at `at`. */
  userWrote(phoneNumberId: string, userIds: Array<string | undefined>, at: Date): void {
    for (const id of userIds)
      if (id !== undefined) this.#lastInbound.set(`${phoneNumberId}:${id}`, at.getTime());
  }

  isOpen(phoneNumberId: string, userId: string, now: Date): boolean {
    const last = this.#lastInbound.get(`${phoneNumberId}:${userId}`);
    return last !== undefined && now.getTime() - last < SERVICE_WINDOW_MS;
  }
}
