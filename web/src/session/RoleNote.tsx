/** Beside an action the signed-in role may not do: why, in words ("Cần vai trò Người lập kế hoạch; bạn là Người xem."). */
import type { Permission } from './SessionProvider.tsx';
import './session.css';

export const RoleNote = ({ permission }: { readonly permission: Permission }) =>
  permission.allowed ? null : (
    <p className="role-note">{permission.reason}</p>
  );
