// The Azure Bot's Slack channel, from the Slack app's credentials (deploy/slack/manifest.yml creates the app).
// Saving the channel starts Slack's OAuth installation through slack.botframework.com.

param botName string
@secure()
param clientId string
@secure()
param clientSecret string
@secure()
param signingSecret string

// The bot token scopes requested at installation: the same list as deploy/slack/manifest.yml (a test compares them).
var scopes = [
  'channels:history'
  'channels:read'
  'chat:write'
  'files:read'
  'groups:history'
  'groups:read'
  'im:history'
  'im:read'
  'im:write'
  'mpim:history'
  'mpim:read'
  'users:read'
]

resource bot 'Microsoft.BotService/botServices@2022-09-15' existing = {
  name: botName
}

resource slack 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'SlackChannel'
  location: 'global'
  properties: {
    channelName: 'SlackChannel'
    properties: {
      clientId: clientId
      clientSecret: clientSecret
      signingSecret: signingSecret
      scopes: join(scopes, ',')
      isEnabled: true
    }
  }
}
