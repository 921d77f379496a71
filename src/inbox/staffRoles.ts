/**
 * What each role may do: the ONE table the pages (to hide a button) and the endpoints (to answer
 * 403) both ask. Staff see and answer requests; a coordinator also manages staff, exports, deletes
 * and reads the audit log. A new role or permission is one line here.
 */
import type { StaffMember, StaffRole } from '#src/store/staff.ts';

export type Permission = 'answer' | 'export' | 'exportResults' | 'delete' | 'manageStaff' | 'readAudit';

const allowed: Record<StaffRole, readonly Permission[]> = {
  staff: ['answer'],
  coordinator: ['answer', 'export', 'exportResults', 'delete', 'manageStaff', 'readAudit'],
};

/** True when her role allows it. */
export function can(staff: Pick<StaffMember, 'role'>, permission: Permission): boolean {
  return allowed[staff.role].includes(permission);
}
