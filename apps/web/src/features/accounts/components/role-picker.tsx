/** The eleven Cs roles as checkboxes, each with what it allows in PinDesk. */
import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CS_ROLES, type CsRole, ROLE_DESCRIPTIONS } from "@pindesk/domain/auth/roles";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, marginLeft: "32px", marginTop: "-6px" },
});

export function RolePicker({ value, onChange }: { value: CsRole[]; onChange: (roles: CsRole[]) => void }) {
  const styles = useStyles();
  const toggle = (role: CsRole, on: boolean) =>
    onChange(on ? CS_ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Roles (an account with no role cannot sign in)</legend>
      {CS_ROLES.map((role) => (
        <div key={role}>
          <Checkbox
            label={role}
            checked={value.includes(role)}
            onChange={(_e, data) => toggle(role, data.checked === true)}
          />
          <Text as="p" size={200} className={styles.hint}>
            {ROLE_DESCRIPTIONS[role]}
          </Text>
        </div>
      ))}
    </fieldset>
  );
}
