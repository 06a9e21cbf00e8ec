// Linux App Service plan and web app: the published app on the .NET 10 runtime, or the container image.

param planName string
param siteName string
param location string
param planSku string
param instanceCount int
@description('Container image; empty: the .NET 10 runtime runs the published app (az webapp deploy).')
param containerImage string
param identityId string
param identityClientId string
@description('App settings, name to value; secrets only as Key Vault references.')
param appSettings object
@description('Admin:Users, one setting per id.')
param adminUserIds array

var runsContainer = !empty(containerImage)
var settings = concat(
  map(items(appSettings), s => { name: s.key, value: s.value }),
  map(range(0, length(adminUserIds)), i => { name: 'Admin__Users__${i}', value: adminUserIds[i] }),
  runsContainer ? [{ name: 'WEBSITES_PORT', value: '8080' }] : []
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: siteName
  location: location
  kind: runsContainer ? 'app,linux,container' : 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No instance affinity: state is in PostgreSQL, so any instance may answer any request.
    clientAffinityEnabled: false
    // Key Vault references resolve with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: runsContainer ? 'DOCKER|${containerImage}' : 'DOTNETCORE|10.0'
      appCommandLine: runsContainer ? '' : 'dotnet CoachBot.dll'
      // An image from Azure Container Registry is pulled with the same identity (grant it AcrPull).
      acrUseManagedIdentityCreds: runsContainer
      acrUserManagedIdentityID: runsContainer ? identityClientId : null
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: settings
    }
  }
}

output defaultHostName string = site.properties.defaultHostName
