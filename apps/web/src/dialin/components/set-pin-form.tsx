/**
 * Set PIN: New PIN and Confirm new PIN (digits, never shown back), checked by the server against the PIN
 * policy and the user's PIN history; the outcome in a message bar. The PIN is cleared whatever the answer.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useSetPin } from "../api.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "320px" },
});

export function SetPinForm() {
  const styles = useStyles();
  const setPin = useSetPin();
  const [pin, setPinValue] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const clear = () => {
      setPinValue("");
      setConfirm("");
    };
    setPin.mutate(pin, { onSettled: clear });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Set PIN">
      {setPin.isSuccess && !mismatch && (
        <MessageBar intent="success">
          <MessageBarBody>
            Your new PIN is set. Use it the next time you join a meeting by phone.
          </MessageBarBody>
        </MessageBar>
      )}
      {setPin.isError && !mismatch && (
        <MessageBar intent="error">
          <MessageBarBody>Your PIN was not changed. {setPin.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="New PIN" required>
        <Input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(_e, data) => setPinValue(data.value)}
        />
      </Field>
      <Field
        label="Confirm new PIN"
        required
        validationState={mismatch ? "error" : "none"}
        validationMessage={mismatch ? "The two PINs are not the same." : undefined}
      >
        <Input
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={confirm}
          onChange={(_e, data) => setConfirm(data.value)}
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={setPin.isPending}>
        {setPin.isPending ? "Setting PIN…" : "Set PIN"}
      </Button>
    </form>
  );
}
