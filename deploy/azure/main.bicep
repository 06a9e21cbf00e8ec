// CoachBot on Azure: App Service (Linux, .NET 10 or the container image), Azure Bot with the Teams and Slack
// channels, Azure OpenAI, PostgreSQL flexible server and Key Vault, tied together by one user-assigned managed
// identity. Deploy into a resource group (deploy/README.md has every step):
//
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p deploy/azure/main.parameters.json \
//     -p postgresAdminPassword=<secret> adminApiKey=<secret>
//
// Secrets never have defaults and are never in main.parameters.json: they are passed at deployment time and land in
// Key Vault, where the web app reads them through Key Vault references. The bot, Azure OpenAI and Key Vault need no
// secret at all: the managed identity signs in to each.
targetScope = 'resourceGroup'

@description('Prefix of every resource name: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param baseName string = 'coachbot'

@description('Region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('The bot\'s display name in Teams and Slack.')
param botDisplayName string = 'CoachBot'

@description('Azure Bot pricing tier: F0 (free; Teams and Slack are standard channels) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('App Service plan SKU (Linux). B1 is the smallest with Always On; P0v3 and up for production.')
param appServicePlanSku string = 'B1'

@description('Web app instances. More than one is safe: state is in PostgreSQL and Quartz runs clustered.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Container image to run (e.g. myregistry.azurecr.io/coachbot:1.0.0, built from deploy/Dockerfile); empty: run the published app on the .NET 10 runtime (az webapp deploy).')
param containerImage string = ''

@description('Region of the Azure OpenAI account (model availability differs by region).')
param openAiLocation string = location

@description('Azure OpenAI model for grading: it must support structured outputs (json_schema).')
param openAiModelName string = 'gpt-4o-mini'

@description('The model version.')
param openAiModelVersion string = '2024-07-18'

@description('The deployment\'s name: what Grading:AzureOpenAI:Deployment names.')
param openAiDeploymentName string = 'gpt-4o-mini'

@description('Deployment type: GlobalStandard, Standard, DataZoneStandard, ...')
param openAiDeploymentSku string = 'GlobalStandard'

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'coachbotadmin'

@description('PostgreSQL administrator password. Stored in Key Vault as part of the connection string.')
@secure()
param postgresAdminPassword string

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching the SKU: Burstable, GeneralPurpose or MemoryOptimized.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
param postgresStorageGb int = 32

@description('Let every Azure service reach PostgreSQL (firewall rule 0.0.0.0). Simple, but it admits other tenants\' Azure resources too (the password still applies); see deploy/README.md for private networking.')
param postgresAllowAzureServices bool = true

@description('A REST admin API key (Admin:ApiKeys:0), 32 or more characters. Stored in Key Vault.')
@secure()
@minLength(32)
param adminApiKey string

@description('Admin user ids as channels report them (Teams AAD object ids, Slack user ids): Admin:Users.')
param adminUserIds array = []

@description('Principal (object) id of whoever runs the deployment, granted Key Vault Secrets Officer so they can store the Slack secrets; empty: none.')
param keyVaultAdminPrincipalId string = ''

@description('Add the Slack channel. Its secrets are read from Key Vault (slack-client-id, slack-client-secret, slack-signing-secret): store them first, then deploy again with true.')
param enableSlack bool = false

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: '${baseName}-id-${suffix}'
  keyVault: 'kv${take(replace(baseName, '-', ''), 9)}${suffix}'
  postgres: '${baseName}-pg-${suffix}'
  openAi: '${baseName}-ai-${suffix}'
  plan: '${baseName}-plan-${suffix}'
  web: '${baseName}-web-${suffix}'
  bot: '${baseName}-bot-${suffix}'
}
var databaseName = 'coachbot'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: names.postgres
    location: location
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    databaseName: databaseName
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageGb: postgresStorageGb
    allowAzureServices: postgresAllowAzureServices
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    readerPrincipalId: identity.properties.principalId
    adminPrincipalId: keyVaultAdminPrincipalId
    // Npgsql's format; VerifyFull: TLS with the server's certificate checked against the system's roots.
    databaseConnectionString: 'Host=${postgres.outputs.fqdn};Port=5432;Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=VerifyFull'
    adminApiKey: adminApiKey
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    name: names.openAi
    location: openAiLocation
    userPrincipalId: identity.properties.principalId
    deploymentName: openAiDeploymentName
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    modelName: openAiModelName
    modelVersion: openAiModelVersion
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    planName: names.plan
    siteName: names.web
    location: location
    planSku: appServicePlanSku
    instanceCount: instanceCount
    containerImage: containerImage
    identityId: identity.id
    identityClientId: identity.properties.clientId
    appSettings: {
      // The bot signs in as the managed identity: no app password exists.
      MicrosoftAppType: 'UserAssignedMSI'
      MicrosoftAppId: identity.properties.clientId
      MicrosoftAppTenantId: tenant().tenantId
      Storage__Provider: 'postgres'
      ConnectionStrings__CoachBot: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.databaseConnectionStringUri})'
      Scheduling__Clustered: 'true'
      Scheduling__InstanceName: 'CoachBot'
      // The send limiter is per instance: together the instances stay within Teams' 50 messages/s per tenant.
      ChannelSending__TenantMessagesPerSecond: string(min(30, 50 / instanceCount))
      Grading__Provider: 'azure-openai'
      Grading__AzureOpenAI__Endpoint: openAi.outputs.endpoint
      Grading__AzureOpenAI__Deployment: openAi.outputs.deploymentName
      Admin__ApiKeys__0: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.adminApiKeyUri})'
      // DefaultAzureCredential (Azure OpenAI) picks the user-assigned identity by this id.
      AZURE_CLIENT_ID: identity.properties.clientId
      // App Service terminates TLS: the scheme comes from X-Forwarded-Proto (Secure cookies on the admin page).
      ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
    }
    adminUserIds: adminUserIds
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: names.keyVault
}

// Reads the Slack app's credentials from Key Vault at deployment time, so that they never pass through a
// parameter, a file or the deployment history. (The vault exists by then: the bot module runs after the web app,
// which needs the vault's outputs.)
module slack 'modules/slack-channel.bicep' = if (enableSlack) {
  name: 'slack-channel'
  params: {
    botName: bot.outputs.name
    clientId: vault.getSecret('slack-client-id')
    clientSecret: vault.getSecret('slack-client-secret')
    signingSecret: vault.getSecret('slack-signing-secret')
  }
}

@description('The bot\'s messaging endpoint.')
output botEndpoint string = 'https://${web.outputs.defaultHostName}/api/messages'

@description('The web app\'s host name: BOT_DOMAIN of deploy/teams/package.sh.')
output webHostName string = web.outputs.defaultHostName

@description('The web app\'s name (az webapp deploy --name).')
output webAppName string = names.web

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): BOT_ID of deploy/teams/package.sh.')
output botAppId string = identity.properties.clientId

@description('The Azure Bot resource\'s name: the bot handle in the Slack app manifest.')
output botHandle string = bot.outputs.name

@description('The Key Vault for the Slack secrets.')
output keyVaultName string = names.keyVault

@description('The PostgreSQL server.')
output postgresHost string = postgres.outputs.fqdn

@description('The Azure OpenAI endpoint.')
output openAiEndpoint string = openAi.outputs.endpoint
