import { useTranslation } from 'react-i18next';
import { FeaturePlaceholder } from '../../components/feature-placeholder';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

export function OrganisationPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisation.title'));
  return (
    <>
      <PageHeader title={t('organisation.title')} description={t('organisation.intro')} />
      <FeaturePlaceholder
        icon="building"
        title={t('organisation.empty.title')}
        description={t('organisation.empty.body')}
        capabilities={[
          t('organisation.capabilities.team'),
          t('organisation.capabilities.roles'),
          t('organisation.capabilities.preferences'),
        ]}
      />
    </>
  );
}
