/** A report that cannot be used. `reason` is safe to show to users as it is ("not UTF-8 text"). */
export class ReportError extends Error {
  constructor(readonly reason: string) {
    super(`factdesk: ${reason}`);
    this.name = "ReportError";
  }
}
