import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";

/** The parts of an interaction that say who may manage the report. */
export interface MemberAccess {
  memberPermissions: Readonly<PermissionsBitField> | null;
  /** A cached GuildMember (role manager) or the raw API member (role id list). */
  member: { roles: readonly string[] | { cache: ReadonlyMap<string, unknown> } } | null;
}

/** Manage Server (Administrator implies it), or any role listed in MODERATOR_ROLE_IDS. */
export function isModerator(access: MemberAccess, moderatorRoleIds: readonly string[]): boolean {
  if (access.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = access.member?.roles;
  if (!roles) return false;
  const has = (id: string) => ("cache" in roles ? roles.cache.has(id) : roles.includes(id));
  return moderatorRoleIds.some(has);
}
