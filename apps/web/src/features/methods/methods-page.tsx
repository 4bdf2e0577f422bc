import { useTranslation } from 'react-i18next';
import { FeaturePlaceholder } from '../../components/feature-placeholder';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';

export function MethodsPage() {
  const { t } = useTranslation();
  usePageTitle(t('methods.title'));
  return (
    <>
      <PageHeader title={t('methods.title')} description={t('methods.intro')} />
      <FeaturePlaceholder
        icon="book"
        title={t('methods.empty.title')}
        description={t('methods.empty.body')}
        capabilities={[
          t('methods.capabilities.filter'),
          t('methods.capabilities.compare'),
          t('methods.capabilities.plan'),
        ]}
      />
    </>
  );
}
