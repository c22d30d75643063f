/** Light, dark or the system's choice, for this browser (lib/theme-preference.tsx). */
import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  type MenuProps,
  MenuTrigger,
} from "@fluentui/react-components";
import { DarkThemeRegular } from "@fluentui/react-icons";
import { type ThemeChoice, useThemeChoice } from "../lib/theme-preference.tsx";

const LABELS: Record<ThemeChoice, string> = { system: "Match the system", light: "Light", dark: "Dark" };

export function ThemeMenu({ className }: { className?: string }) {
  const { choice, setChoice } = useThemeChoice();
  const onChange: MenuProps["onCheckedValueChange"] = (_event, data) => {
    const [next] = data.checkedItems as ThemeChoice[];
    if (next) setChoice(next);
  };
  return (
    <Menu checkedValues={{ theme: [choice] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={className}
          icon={<DarkThemeRegular />}
          aria-label="Theme"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {(Object.keys(LABELS) as ThemeChoice[]).map((value) => (
            <MenuItemRadio key={value} name="theme" value={value}>
              {LABELS[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
