import { useTranslation } from 'react-i18next';
import { FeaturePlaceholder } from '../../components/feature-placeholder';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

export function EngagementsPage() {
  const { t } = useTranslation();
  usePageTitle(t('engagements.title'));
  return (
    <>
      <PageHeader title={t('engagements.title')} description={t('engagements.intro')} />
      <FeaturePlaceholder
        icon="route"
        title={t('engagements.empty.title')}
        description={t('engagements.empty.body')}
        capabilities={[
          t('engagements.capabilities.describe'),
          t('engagements.capabilities.invite'),
          t('engagements.capabilities.track'),
        ]}
      />
    </>
  );
}
