import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, SUPPORTED_LANGUAGES } from '../i18n';

/**
 * FR/EN radio group (arrow keys move between options). Each option shows its code and announces its full
 * name in its own language, e.g. role "radio" named "English".
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const data = SUPPORTED_LANGUAGES.map((lng) => ({
    value: lng,
    label: (
      <span lang={lng}>
        <span aria-hidden="true">{lng.toUpperCase()}</span>
        <VisuallyHidden>{t(`header.languages.${lng}`)}</VisuallyHidden>
      </span>
    ),
  }));

  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t('header.language')}
      size="xs"
      radius="md"
      value={currentLanguage()}
      onChange={(value) => {
        if (isLanguage(value)) {
          void i18n.changeLanguage(value);
        }
      }}
      data={data}
    />
  );
}
