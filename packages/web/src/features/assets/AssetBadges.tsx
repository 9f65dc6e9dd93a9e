import type { Asset, AssetLifecycle } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assetLifecycleBadge } from './asset-values.ts';

export function AssetLifecycleBadge({ lifecycle }: { lifecycle: AssetLifecycle }) {
  const { t } = useTranslation('assets');
  const { color, variant } = assetLifecycleBadge[lifecycle];
  return (
    <Badge color={color} variant={variant} tt="none" miw="max-content">
      {t(`lifecycle.${lifecycle}`)}
    </Badge>
  );
}

/** The model in words: the catalogue's name, or "Ej standard" with the description (ITP-6-STANDARD). */
export function AssetModelText({ asset }: { asset: Pick<Asset, 'modelName' | 'standardModel' | 'nonStandardDescription'> }) {
  const { t } = useTranslation('assets');
  if (asset.modelName === null)
    return (
      <>
        <Badge color="#9a3f00" variant="outline" tt="none" miw="max-content">
          {t('asset.nonStandard')}
        </Badge>{' '}
        {asset.nonStandardDescription}
      </>
    );
  return (
    <>
      {asset.modelName}
      {!asset.standardModel && (
        <>
          {' '}
          <Badge color="#9a3f00" variant="outline" tt="none" miw="max-content">
            {t('asset.modelNotApproved')}
          </Badge>
        </>
      )}
    </>
  );
}

/** Who owns it, in words: the IT unit, a department, or another body by name. */
export function ownerText(asset: Pick<Asset, 'ownerKind' | 'ownerDepartmentName' | 'ownerName'>, t: (key: string) => string): string {
  if (asset.ownerKind === 'department') return asset.ownerDepartmentName ?? t('ownerKind.department');
  if (asset.ownerKind === 'other') return asset.ownerName ?? t('ownerKind.other');
  return t('ownerKind.it_unit');
}
