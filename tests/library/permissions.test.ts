import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { isModerator } from "../../src/bot/permissions.js";

const modRole = "300000000000000001";
const permissions = (...flags: bigint[]) => new PermissionsBitField(flags);

describe("isModerator", () => {
  it("accepts Manage Server and Administrator", () => {
    const member = { roles: [] };
    const manage = permissions(PermissionFlagsBits.ManageGuild);
    const admin = permissions(PermissionFlagsBits.Administrator);
    expect(isModerator({ memberPermissions: manage, member }, [])).toBe(true);
    expect(isModerator({ memberPermissions: admin, member }, [])).toBe(true);
  });

  it("accepts a moderator role from the raw member or the cached role manager", () => {
    const none = permissions();
    expect(isModerator({ memberPermissions: none, member: { roles: [modRole] } }, [modRole])).toBe(
      true,
    );
    const cached = { roles: { cache: new Map([[modRole, {}]]) } };
    expect(isModerator({ memberPermissions: none, member: cached }, [modRole])).toBe(true);
  });

  it("refuses everyone else, and DMs", () => {
    const member = { roles: ["300000000000000002"] };
    const send = permissions(PermissionFlagsBits.SendMessages);
    expect(isModerator({ memberPermissions: send, member }, [modRole])).toBe(false);
    expect(isModerator({ memberPermissions: null, member: null }, [modRole])).toBe(false);
  });
});
