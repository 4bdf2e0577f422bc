import { useTranslation } from 'react-i18next';
import { FeaturePlaceholder } from '../../components/feature-placeholder';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

export function WorkshopsPage() {
  const { t } = useTranslation();
  usePageTitle(t('workshops.title'));
  return (
    <>
      <PageHeader title={t('workshops.title')} description={t('workshops.intro')} />
      <FeaturePlaceholder
        icon="presentation"
        title={t('workshops.empty.title')}
        description={t('workshops.empty.body')}
        capabilities={[
          t('workshops.capabilities.agenda'),
          t('workshops.capabilities.live'),
          t('workshops.capabilities.outputs'),
        ]}
      />
    </>
  );
}
