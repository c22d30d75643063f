/**
 * User name, Password, Sign in: the form of the console's sign-in page and of the Dial-in Conferencing
 * Settings page. The caller signs in; a failed attempt (`failed`) clears the password, never the name.
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export interface Credentials {
  username: string;
  password: string;
}

interface PasswordSignInFormProps {
  /** Under User name: which names it takes. */
  hint: string;
  pending: boolean;
  /** The id of the heading that names the form. */
  labelledBy: string;
  onSignIn: (credentials: Credentials, failed: () => void) => void;
}

export function PasswordSignInForm({ hint, pending, labelledBy, onSignIn }: PasswordSignInFormProps) {
  const styles = useStyles();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSignIn({ username, password }, () => setPassword(""));
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={labelledBy}>
      <Field label="User name" required hint={hint}>
        <Input
          value={username}
          onChange={(_e, data) => setUsername(data.value)}
          autoComplete="username"
          autoFocus
        />
      </Field>
      <Field label="Password" required>
        <Input
          type="password"
          value={password}
          onChange={(_e, data) => setPassword(data.value)}
          autoComplete="current-password"
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
